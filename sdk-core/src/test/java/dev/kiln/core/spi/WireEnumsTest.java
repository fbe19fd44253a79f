package dev.kiln.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WireEnumsTest {
  enum State { RUNNING, DONE, UNKNOWN }

  @Test
  void knownValuesMapAndOthersBecomeTheFallback() {
    assertEquals(State.RUNNING, WireEnums.parse(State.class, "RUNNING", State.UNKNOWN));
    assertEquals(State.DONE, WireEnums.parse(State.class, " done ", State.UNKNOWN));
    assertEquals(State.UNKNOWN, WireEnums.parse(State.class, "QUEUED_FOR_LATER", State.UNKNOWN));
    assertEquals(State.UNKNOWN, WireEnums.parse(State.class, null, State.UNKNOWN));
  }
}
