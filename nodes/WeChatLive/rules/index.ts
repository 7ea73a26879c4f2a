/**
 * The node's input checks come in two layers, and only two:
 *
 * (a) `rules/` (here): WeChat's documented rules as pure functions of values, with no n8n context and no
 *     parameter names; each names the official page it follows. A value that breaks a rule throws
 *     RuleBroken: what is wrong and the fix, in the user's terms. Rules known only from reports are not
 *     here: WeChat answers them, and transport/errcodes.ts explains its errcode.
 * (b) the parameter readers (actions/common/parameters.ts for every resource, `<resource>/fields.ts` for
 *     one resource's fields): they take the node property itself, read it with getNodeParameter, check its
 *     type and apply the rules of (a), and turn a RuleBroken into the error that names the property's
 *     display name and the item. A field's name and display name are written once: in its property.
 */
export { RuleBroken } from './ruleBroken';
export * from './goods';
export * from './lists';
export * from './prices';
export * from './room';
export * from './text';
