package dev.kiln.genie;

import dev.kiln.core.OperationHandle;
import dev.kiln.core.spi.ClientInternals;
import dev.kiln.core.spi.Poller;
import dev.kiln.genie.internal.GenieApi;
import dev.kiln.genie.model.GenieAnswer;
import dev.kiln.genie.model.GenieMessage;
import dev.kiln.genie.model.GenieMessageError;
import dev.kiln.genie.model.GenieMessageStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A question sent to Genie, on its way to an answer; {@link #id()} is the message id. Polls the
 * message with the gaps of {@link GenieOptions} (500 ms, growing 1.15 times per poll to 5 s by
 * default) and ends on the first terminal status:
 * <ul>
 *   <li>COMPLETED and QUERY_RESULT_EXPIRED → a {@link GenieAnswer} (for an expired one,
 *       {@code GenieClient.queryResult} re-executes the query);</li>
 *   <li>FAILED → {@link GenieFailedException} with Genie's error text and type;</li>
 *   <li>CANCELLED → {@link GenieCancelledException}.</li>
 * </ul>
 * A status this SDK does not know ({@link #status()} {@code UNKNOWN}, the text in
 * {@link #rawStatus()}) counts as in progress until {@link GenieOptions#messageTimeout()}, which ends
 * the wait with {@code OperationTimeoutException}. {@link #await(java.time.Duration)} ending first
 * leaves the message running and the handle usable.
 *
 * <p>Genie has no API to cancel a message. Cancelling {@link #resultAsync()} only stops polling
 * here; the message goes on in the space. {@link #cancel()} therefore throws
 * {@link UnsupportedOperationException} and {@link #cancelAsync()} fails with it.
 */
public final class GenieMessageHandle extends OperationHandle<GenieMessage, GenieMessageStatus, GenieAnswer> {
  private final String spaceId;
  private final String conversationId;

  /**
   * Starts polling at once; {@code initial} (the create response, may be null) is handled first, so
   * a listener sees its status and a terminal one ends the wait without a poll. Waiting ends after
   * {@code timeout} ({@link GenieOptions#messageTimeout()}, or less for {@code ask} with a timeout).
   */
  GenieMessageHandle(GenieApi api, GenieOptions options, Duration timeout, String spaceId, String conversationId,
      String messageId, GenieMessage initial, Consumer<? super GenieMessage> listener) {
    super(messageId, Poller.<GenieMessage, GenieAnswer>builder(api.client())
        .poll(() -> api.getMessageAsync(spaceId, conversationId, messageId))
        .isTerminal(m -> m.status().isTerminal())
        .result(m -> toAnswer(spaceId, conversationId, messageId, m))
        .statusOf(GenieMessage::rawStatus) // raw text: two unknown statuses are two changes
        .listener(listener)
        .initialDelay(options.pollInitialDelay())
        .multiplier(options.pollMultiplier())
        .maxDelay(options.pollMaxDelay())
        .timeout(timeout)
        .description("Genie message " + messageId)
        .start(initial), GenieMessageStatus.class, GenieMessage::rawStatus);
    this.spaceId = spaceId;
    this.conversationId = conversationId;
    // closing the client ends the wait with ClientClosedException instead of leaving it pending
    ClientInternals.of(api.client()).track(resultAsync());
  }

  /** The Genie space the question was asked in. */
  public String spaceId() {
    return spaceId;
  }

  /**
   * The conversation the message belongs to (a new one for {@code startConversation}, the given one
   * for a follow-up).
   */
  public String conversationId() {
    return conversationId;
  }

  /** The space, conversation and message ids and the last status seen, for logs. */
  @Override
  public String toString() {
    return "GenieMessageHandle[space " + spaceId + ", conversation " + conversationId
        + ", message " + id() + ", " + status() + "]";
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
        throw new IllegalStateException("Genie message " + messageId + " is not finished: " + m.rawStatus());
    }
  }
}
