/**
 * Whether root fields go through the compiled read path (server/read/). Always on in service;
 * the identity test turns it off to ask the ORM resolvers the same question and compare the bytes.
 */
export const compiledReads = { enabled: true };
