export { signMeta as signFacebook, metaHandshakeQuery } from '../meta/meta.sign';
