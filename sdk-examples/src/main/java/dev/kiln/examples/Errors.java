package dev.kiln.examples;

import dev.kiln.core.spi.Futures;
import dev.kiln.core.error.ConfigurationException;
import dev.kiln.core.error.DatabricksException;
import dev.kiln.core.error.DatabricksServiceException;
import dev.kiln.core.error.InvalidRequestException;
import dev.kiln.core.error.OperationInterruptedException;
import dev.kiln.core.error.OperationTimeoutException;
import dev.kiln.core.error.TransportException;
import dev.kiln.execution.ClusterUnavailableException;
import dev.kiln.execution.CommandCancelledException;
import dev.kiln.execution.CommandFailedException;
import dev.kiln.genie.GenieCancelledException;
import dev.kiln.genie.GenieFailedException;
import dev.kiln.sql.StatementCanceledException;
import dev.kiln.sql.StatementClosedException;
import dev.kiln.sql.StatementFailedException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One line per failure: an error code first (the server's when it sent one), then what happened. */
final class Errors {
  private Errors() {}

  /** E.g. {@code RESOURCE_DOES_NOT_EXIST: HTTP 404 RESOURCE_DOES_NOT_EXIST: Endpoint ... (request id ...)}. */
  static String describe(Throwable failure) {
    Throwable e = Futures.unwrap(failure);
    return code(e) + ": " + message(e);
  }

  /**
   * Codes that follow from the failure's type alone, checked in this order; {@link DatabricksException}, the
   * parent of every SDK failure, comes last.
   */
  private static final List<Map.Entry<Class<? extends Throwable>, String>> CODES_BY_TYPE = List.of(
      Map.entry(StatementCanceledException.class, "STATEMENT_CANCELED"),
      Map.entry(StatementClosedException.class, "STATEMENT_CLOSED"),
      Map.entry(CommandFailedException.class, "COMMAND_FAILED"),
      Map.entry(CommandCancelledException.class, "COMMAND_CANCELLED"),
      Map.entry(GenieCancelledException.class, "GENIE_CANCELLED"),
      Map.entry(dev.kiln.jobs.RunFailedException.class, "RUN_FAILED"),
      Map.entry(InvalidRequestException.class, "INVALID_REQUEST"),
      Map.entry(ConfigurationException.class, "CONFIGURATION"),
      Map.entry(OperationTimeoutException.class, "TIMEOUT"),
      Map.entry(OperationInterruptedException.class, "INTERRUPTED"),
      Map.entry(TransportException.class, "TRANSPORT"),
      Map.entry(DatabricksException.class, "KILN_ERROR"));

  /** The error code to show for {@code e}: the one the failure carries, else one for its type. */
  static String code(Throwable e) {
    if (e instanceof DatabricksServiceException) {
      String code = ((DatabricksServiceException) e).errorCode();
      return code != null ? code : "HTTP_" + ((DatabricksServiceException) e).statusCode();
    }
    if (e instanceof StatementFailedException) {
      return ((StatementFailedException) e).errorCode().orElse("STATEMENT_FAILED");
    }
    if (e instanceof ClusterUnavailableException) {
      return "CLUSTER_" + ((ClusterUnavailableException) e).rawState().toUpperCase(Locale.ROOT);
    }
    if (e instanceof GenieFailedException) {
      return ((GenieFailedException) e).errorType().orElse("GENIE_FAILED");
    }
    for (Map.Entry<Class<? extends Throwable>, String> byType : CODES_BY_TYPE) {
      if (byType.getKey().isInstance(e)) {
        return byType.getValue();
      }
    }
    return e.getClass().getSimpleName();
  }

  private static String message(Throwable e) {
    if (e instanceof CommandFailedException) {
      return ((CommandFailedException) e).summary();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }
}
