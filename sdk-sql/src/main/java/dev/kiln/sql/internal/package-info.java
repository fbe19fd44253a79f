/**
 * Not for users: wire calls, the chunk fetch engine (locate, download within a byte budget, parse
 * on the reader's side into batches, check, retry with fresh links) and value parsing. May change
 * in any release.
 */
package dev.kiln.sql.internal;
