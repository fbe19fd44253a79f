package dev.kiln.core.internal;

import dev.kiln.core.ClientListener;
import dev.kiln.core.OperationEvent;
import dev.kiln.core.RequestEvent;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans events out to the builder's listeners; a listener that throws is logged, never the caller's problem. */
public final class Listeners implements ClientListener {
  private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
  private final List<ClientListener> listeners;

  private Listeners(List<ClientListener> listeners) {
    this.listeners = List.copyOf(listeners);
  }

  public static ClientListener of(List<ClientListener> listeners) {
    return new Listeners(listeners);
  }

  private void each(Consumer<ClientListener> call) {
    for (ClientListener l : listeners) {
      try {
        call.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("a ClientListener ({}) threw {}", l.getClass().getName(), e.toString());
      }
    }
  }

  @Override
  public void callStarted(RequestEvent event) {
    each(l -> l.callStarted(event));
  }

  @Override
  public void callFinished(RequestEvent event) {
    each(l -> l.callFinished(event));
  }

  @Override
  public void operationStarted(OperationEvent event) {
    each(l -> l.operationStarted(event));
  }

  @Override
  public void operationFinished(OperationEvent event) {
    each(l -> l.operationFinished(event));
  }

  @Override
  public void requestSent(RequestEvent event) {
    each(l -> l.requestSent(event));
  }

  @Override
  public void responseReceived(RequestEvent event) {
    each(l -> l.responseReceived(event));
  }

  @Override
  public void retryScheduled(RequestEvent event) {
    each(l -> l.retryScheduled(event));
  }

  @Override
  public void polled(OperationEvent event) {
    each(l -> l.polled(event));
  }

  @Override
  public void statusChanged(OperationEvent event) {
    each(l -> l.statusChanged(event));
  }
}
