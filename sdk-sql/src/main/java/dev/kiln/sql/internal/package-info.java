/**
 * Not for users: wire calls, the chunk fetch engine (locate, download, parse, check, prefetch in
 * order with a memory bound) and value parsing. May change in any release.
 */
package dev.kiln.sql.internal;
