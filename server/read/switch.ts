/**
 * Whether root fields go through the compiled read path (server/read/), and whether queries of
 * compiled root fields alone get the direct response (server/graphql/direct-response.ts). Always
 * on in service; the identity tests turn them off to ask the other ways the same question and
 * compare the bytes.
 */
export const compiledReads = { enabled: true, responses: true };
