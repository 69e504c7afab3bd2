export { signMeta as signWhatsapp, metaHandshakeQuery } from '../meta/meta.sign';
