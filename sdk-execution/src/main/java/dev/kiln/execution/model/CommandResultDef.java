package dev.kiln.execution.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.execution.WrongResultTypeException;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The output of a command that finished: text, a table or images. Check {@link #type()} and call
 * the matching accessor; a mismatched accessor throws
 * {@link dev.kiln.execution.WrongResultTypeException}. Failures never become results: they raise
 * {@code CommandFailedException} or {@code CommandCancelledException}.
 */
@Value.Immutable
abstract class CommandResultDef {
  /**
   * What the command produced; {@code UNKNOWN} for a result type this SDK version does not know
   * (see {@link #rawType()}).
   */
  public abstract ResultType type();

  /** {@code results.resultType} exactly as the server sent it. */
  public abstract String rawType();

  /** The text when the type is {@link ResultType#TEXT}, else empty; {@link #text()} is the strict form. */
  public abstract Optional<String> textValue();

  /** The table when the type is {@link ResultType#TABLE}, else empty; {@link #table()} is the strict form. */
  public abstract Optional<ResultTable> tableValue();

  /** The images of an image result, else empty; {@link #images()} is the strict form. */
  public abstract List<CommandImage> imageValues();

  /** The {@code data} the server sent, kept only when the type is {@link ResultType#UNKNOWN}. */
  public abstract Optional<JsonNode> rawData();

  /**
   * The printed output of a {@link ResultType#TEXT} result ("" when the command printed nothing).
   *
   * @throws dev.kiln.execution.WrongResultTypeException if the result is not text
   */
  public String text() {
    require("text()", ResultType.TEXT);
    return textValue().orElse("");
  }

  /**
   * The table of a {@link ResultType#TABLE} result.
   *
   * @throws dev.kiln.execution.WrongResultTypeException if the result is not a table
   */
  public ResultTable table() {
    require("table()", ResultType.TABLE);
    return tableValue().orElseThrow(() -> new WrongResultTypeException(type(), rawType(), "table()"));
  }

  /**
   * The images of an {@link ResultType#IMAGE} (one) or {@link ResultType#IMAGES} result.
   *
   * @throws dev.kiln.execution.WrongResultTypeException if the result holds no images
   */
  public List<CommandImage> images() {
    require("images()", ResultType.IMAGE, ResultType.IMAGES);
    return imageValues();
  }

  private void require(String accessor, ResultType... allowed) {
    for (ResultType t : allowed) {
      if (type() == t) {
        return;
      }
    }
    throw new WrongResultTypeException(type(), rawType(), accessor);
  }
}
