package dev.kiln.execution.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kiln.core.error.DatabricksClientException;
import dev.kiln.execution.CommandCancelledException;
import dev.kiln.execution.CommandFailedException;
import dev.kiln.execution.model.CommandImage;
import dev.kiln.execution.model.CommandResult;
import dev.kiln.execution.model.CommandState;
import dev.kiln.execution.model.ResultType;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Turns a command's terminal status into its result, or the typed failure it means. */
public final class ResultParser {
  private static final String CANCELLED_MARKER = "CommandCancelledException";

  private ResultParser() {}

  public static CommandResult toResult(String commandId, ExecutionWire.CommandStatus status) {
    CommandState state = CommandState.fromWire(status.status);
    ExecutionWire.Results results = status.results;
    boolean errorResult = results != null && ResultType.fromWire(results.resultType) == ResultType.ERROR;
    if (state == CommandState.CANCELLED || (errorResult && mentionsCancel(results))) {
      throw new CommandCancelledException(commandId);
    }
    if (errorResult || state == CommandState.ERROR) { // an error often arrives with status Finished
      throw failure(commandId, results);
    }
    return success(results);
  }

  /** A cancel can arrive as Finished with an error result naming the cancel exception. */
  private static boolean mentionsCancel(ExecutionWire.Results r) {
    return (r.cause != null && r.cause.contains(CANCELLED_MARKER))
        || (r.summary != null && r.summary.contains(CANCELLED_MARKER));
  }

  private static CommandFailedException failure(String commandId, ExecutionWire.Results r) {
    if (r == null) {
      return new CommandFailedException(commandId, "the command ended with status Error and no details", "", null, null);
    }
    return new CommandFailedException(commandId, TextCleaner.stripHtml(r.summary),
        TextCleaner.stripAnsi(r.cause), r.summary, r.cause);
  }

  private static CommandResult success(ExecutionWire.Results r) {
    if (r == null) { // no results object: the command printed nothing
      return CommandResult.builder().type(ResultType.TEXT).rawType("text").textValue("").build();
    }
    String raw = r.resultType == null ? "" : r.resultType;
    ResultType type = ResultType.fromWire(raw);
    CommandResult.Builder b = CommandResult.builder().type(type).rawType(raw);
    switch (type) {
      case TEXT:
        return b.textValue(r.data == null || r.data.isNull() ? "" : r.data.isTextual() ? r.data.textValue() : r.data.toString()).build();
      case TABLE:
        return b.tableValue(TableReader.read(r)).build();
      case IMAGE:
      case IMAGES:
        return b.imageValues(images(r)).build();
      default:
        if (r.data != null) {
          b.rawData(r.data);
        }
        return b.build();
    }
  }

  /** {@code fileName} (image), {@code fileNames} or base64 {@code data} (images). */
  private static List<CommandImage> images(ExecutionWire.Results r) {
    List<CommandImage> images = new ArrayList<>();
    if (r.fileName != null) {
      images.add(CommandImage.ofFileName(r.fileName));
    }
    if (r.fileNames != null) {
      r.fileNames.forEach(name -> images.add(CommandImage.ofFileName(name)));
    }
    if (r.data != null && r.data.isArray()) {
      r.data.forEach(d -> images.add(CommandImage.ofBytes(decode(d))));
    } else if (r.data != null && r.data.isTextual()) {
      images.add(CommandImage.ofBytes(decode(r.data)));
    }
    return images;
  }

  private static byte[] decode(JsonNode node) {
    String text = node.asText();
    int comma = text.indexOf(',');
    if (text.startsWith("data:") && comma > 0) { // data:image/png;base64,....
      text = text.substring(comma + 1);
    }
    try {
      return Base64.getMimeDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new DatabricksClientException("an image in the command result is not valid base64", e);
    }
  }
}
