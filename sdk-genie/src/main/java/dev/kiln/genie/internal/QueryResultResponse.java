package dev.kiln.genie.internal;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kiln.sql.model.StatementResponse;

/** {@code {statement_response}} of query-result and execute-query. */
final class QueryResultResponse {
  private final StatementResponse statementResponse;

  @JsonCreator
  QueryResultResponse(@JsonProperty("statement_response") StatementResponse statementResponse) {
    this.statementResponse = statementResponse;
  }

  StatementResponse statementResponse() {
    return statementResponse;
  }
}
