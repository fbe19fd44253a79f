package dev.kiln.genie;

import dev.kiln.core.OperationHandle;
import dev.kiln.core.Poller;
import dev.kiln.genie.internal.GenieApi;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.genie.model.GenieMessageError;
import dev.kiln.genie.model.GenieMessageStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A question sent to Genie, on its way to an answer. Polls the message with gaps growing from 1 s
 * to 5 s (answers take seconds to minutes; the workspace allows ~30 requests/s) and ends on the
 * first terminal status:
 * <ul>
 *   <li>COMPLETED and QUERY_RESULT_EXPIRED → a {@link GenieAnswer} (for an expired one,
 *       {@code GenieClient.queryResult} re-executes the query);</li>
 *   <li>FAILED → {@link GenieFailedException} with Genie's error text and type;</li>
 *   <li>CANCELLED → {@link GenieCancelledException}.</li>
 * </ul>
 * A status this SDK does not know counts as in progress until the client's message timeout, which
 * ends the wait with {@code OperationTimeoutException}.
 *
 * <p>Genie has no API to cancel a message. Cancelling {@link #resultAsync()} only stops polling
 * here; the message goes on in the space. {@link #cancel()} therefore fails with
 * {@link UnsupportedOperationException}.
 */
public final class GenieMessageHandle extends OperationHandle<GenieMessage, GenieAnswer> {
  static final Duration INITIAL_POLL_DELAY = Duration.ofSeconds(1);
  static final Duration MAX_POLL_DELAY = Duration.ofSeconds(5);

  private final String spaceId;
  private final String conversationId;
  private final String messageId;

  /**
   * Starts polling at once; {@code initial} (the create response, may be null) is handled first, so
   * a listener sees its status and a terminal one ends the wait without a poll.
   */
  GenieMessageHandle(GenieApi api, String spaceId, String conversationId, String messageId,
      GenieMessage initial, Duration timeout, Consumer<? super GenieMessage> listener) {
    super(Poller.<GenieMessage, GenieAnswer>builder(api.client())
        .poll(() -> api.getMessageAsync(spaceId, conversationId, messageId))
        .isTerminal(m -> m.status().isTerminal())
        .result(m -> toAnswer(spaceId, conversationId, messageId, m))
        .statusOf(GenieMessage::statusName) // raw text: two unknown statuses are two changes
        .listener(listener)
        .initialDelay(INITIAL_POLL_DELAY)
        .maxDelay(MAX_POLL_DELAY)
        .timeout(timeout)
        .description("Genie message " + messageId)
        .start(initial));
    this.spaceId = spaceId;
    this.conversationId = conversationId;
    this.messageId = messageId;
  }

  public String spaceId() {
    return spaceId;
  }

  public String conversationId() {
    return conversationId;
  }

  public String messageId() {
    return messageId;
  }

  /** The last status seen; UNKNOWN before the first answer about the message arrived. */
  public GenieMessageStatus status() {
    return lastState().map(GenieMessage::status).orElse(GenieMessageStatus.UNKNOWN);
  }

  @Override
  public String toString() {
    return "GenieMessageHandle[space " + spaceId + ", conversation " + conversationId
        + ", message " + messageId + ", " + status() + "]";
  }

  private static GenieAnswer toAnswer(String spaceId, String conversationId, String messageId, GenieMessage m) {
    switch (m.status()) {
      case COMPLETED:
      case QUERY_RESULT_EXPIRED:
        return GenieAnswer.of(spaceId, m);
      case FAILED:
        Optional<GenieMessageError> error = m.error();
        throw new GenieFailedException(spaceId, conversationId, messageId,
            error.flatMap(GenieMessageError::error).orElse(null),
            error.flatMap(GenieMessageError::type).orElse(null));
      case CANCELLED:
        throw new GenieCancelledException(spaceId, conversationId, messageId);
      default:
        throw new IllegalStateException("Genie message " + messageId + " is not finished: " + m.statusName());
    }
  }
}
