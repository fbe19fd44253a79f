package dev.kiln.execution;

import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.execution.model.ResultType;

/** An accessor of {@code CommandResult} was called that does not match the result's type. */
public class WrongResultTypeException extends DatabricksClientException {
  private static final long serialVersionUID = 1L;

  /** The type the result really has. */
  private final ResultType actualType;

  /**
   * Creates the exception; its message names the accessor called, the result's real type and the
   * accessor to use.
   *
   * @param actualType the result's type
   * @param rawType the type exactly as sent, shown when {@code actualType} is {@code UNKNOWN}
   * @param accessor the accessor that was called, e.g. {@code "table()"}
   */
  public WrongResultTypeException(ResultType actualType, String rawType, String accessor) {
    super(accessor + " called on a " + actualType
        + (actualType == ResultType.UNKNOWN ? " (\"" + rawType + "\")" : "")
        + " result; check type() first: " + hint(actualType));
    this.actualType = actualType;
  }

  /** The type the result really has. */
  public ResultType actualType() {
    return actualType;
  }

  private static String hint(ResultType type) {
    switch (type) {
      case TEXT: return "use text()";
      case TABLE: return "use table()";
      case IMAGE:
      case IMAGES: return "use images()";
      default: return "read rawType() and rawData()";
    }
  }
}
