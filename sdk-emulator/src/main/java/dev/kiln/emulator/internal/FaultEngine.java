package dev.kiln.emulator.internal;

import dev.kiln.emulator.Fault;
import dev.kiln.emulator.Faults;
import dev.kiln.emulator.InjectedFault;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Holds the injected faults and decides, per request, which of them fire. */
final class FaultEngine implements Faults {
  private final List<Injected> faults = new CopyOnWriteArrayList<>();
  private final Runnable expireExternalLinks;
  private final Clock clock;

  FaultEngine(Runnable expireExternalLinks, Clock clock) {
    this.expireExternalLinks = expireExternalLinks;
    this.clock = clock;
  }

  @Override
  public InjectedFault inject(Fault fault) {
    Injected injected = new Injected(Objects.requireNonNull(fault, "fault"));
    faults.add(injected);
    return injected;
  }

  @Override
  public void clear() {
    faults.clear();
  }

  @Override
  public void expireExternalLinksNow() {
    expireExternalLinks.run();
  }

  /** Picks the faults for one request and uses up their hits. */
  FaultPlan planFor(String method, String path) {
    if (faults.isEmpty()) {
      return FaultPlan.NONE;
    }
    Duration latency = Duration.ZERO;
    Fault action = null;
    for (Injected injected : faults) {
      Fault fault = injected.fault;
      if (!fault.matches(method, path)) {
        continue;
      }
      boolean isLatency = fault.kind() == Fault.Kind.LATENCY;
      if (!isLatency && action != null) {
        continue;
      }
      if (injected.isActive() && !injected.drawn()) {
        continue; // a random fault that sits this request out: no hit used
      }
      if (!injected.tryFire()) {
        faults.remove(injected);
        continue;
      }
      if (isLatency) {
        latency = latency.plus(fault.delay());
      } else {
        action = fault;
      }
    }
    return latency.isZero() && action == null ? FaultPlan.NONE : new FaultPlan(latency, action, clock.instant());
  }

  private final class Injected implements InjectedFault {
    private final Fault fault;
    private final AtomicInteger hits = new AtomicInteger();
    private final Random random;
    private volatile boolean removed;

    Injected(Fault fault) {
      this.fault = fault;
      this.random = fault.rate() < 1 ? new Random(fault.seed()) : null;
    }

    /** Whether a random fault fires on this request; always true for the others. */
    boolean drawn() {
      if (random == null) {
        return true;
      }
      synchronized (random) {
        return random.nextDouble() < fault.rate();
      }
    }

    /** Claims one hit; false once removed or used up. */
    boolean tryFire() {
      if (removed) {
        return false;
      }
      if (fault.times() == Fault.UNLIMITED) {
        hits.incrementAndGet();
        return true;
      }
      while (true) {
        int used = hits.get();
        if (used >= fault.times()) {
          return false;
        }
        if (hits.compareAndSet(used, used + 1)) {
          return true;
        }
      }
    }

    @Override
    public Fault fault() {
      return fault;
    }

    @Override
    public int hits() {
      return hits.get();
    }

    @Override
    public boolean isActive() {
      return !removed && (fault.times() == Fault.UNLIMITED || hits.get() < fault.times());
    }

    @Override
    public void remove() {
      removed = true;
      faults.remove(this);
    }

    @Override
    public String toString() {
      return fault + " hits=" + hits.get();
    }
  }
}
