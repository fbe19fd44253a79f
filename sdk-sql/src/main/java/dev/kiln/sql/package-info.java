/**
 * SQL Statement Execution and the Queries API. Start with {@link dev.kiln.sql.SqlClient}:
 * {@code submit}/{@code execute} a {@link dev.kiln.sql.model.StatementRequest}, wait on the
 * {@link dev.kiln.sql.StatementHandle}, and read typed {@link dev.kiln.sql.Row}s from the
 * {@link dev.kiln.sql.StatementResult}, which streams every chunk (inline or external links) with
 * bounded memory.
 */
package dev.kiln.sql;
