export { signMeta as signInstagram, metaHandshakeQuery } from '../meta/meta.sign';
