package dev.kiln.mlflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kiln.core.error.InvalidRequestException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class MlflowContractTest extends MlflowTestBase {
  @Test
  void optionDefaultsAndChecks() {
    MlflowOptions d = MlflowOptions.defaults();
    assertEquals(Duration.ofMillis(500), d.pollInitialDelay());
    assertEquals(Duration.ofSeconds(5), d.pollMaxDelay());
    assertEquals(1.5, d.pollMultiplier());
    assertEquals(Duration.ofMinutes(10), d.registrationTimeout());
    assertEquals(1000, d.pageSize());
    assertEquals(d.toString(), d.toBuilder().build().toString());
    assertSame(d, MlflowClient.create(db).options());
    assertThrows(IllegalArgumentException.class, () -> MlflowOptions.builder().pageSize(0));
    assertThrows(IllegalArgumentException.class, () -> MlflowOptions.builder().pageSize(1001));
    assertThrows(IllegalArgumentException.class, () -> MlflowOptions.builder().pollInitialDelay(Duration.ofMillis(10)));
    assertThrows(IllegalArgumentException.class, () -> MlflowOptions.builder().registrationTimeout(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> MlflowOptions.builder().pollInitialDelay(Duration.ofSeconds(9)).build());
    assertThrows(InvalidRequestException.class, () -> MlflowClient.create(null));
    assertThrows(InvalidRequestException.class, () -> MlflowClient.create(db, null));
  }

  /** Every async method has a blocking twin and fails its future (never throws) for null arguments. */
  @Test
  void everyAsyncMethodFailsItsFutureInsteadOfThrowing() throws Exception {
    int checked = 0;
    for (Method m : MlflowClient.class.getMethods()) {
      if (!m.getName().endsWith("Async") || Modifier.isStatic(m.getModifiers())) {
        continue;
      }
      MlflowClient.class.getMethod(m.getName().substring(0, m.getName().length() - 5), m.getParameterTypes());
      Object[] args = new Object[m.getParameterCount()];
      Class<?>[] types = m.getParameterTypes();
      for (int i = 0; i < args.length; i++) {
        args[i] = types[i] == double.class ? -1.0 : types[i] == boolean.class ? (Object) false : null;
      }
      CompletableFuture<?> f;
      try {
        f = (CompletableFuture<?>) m.invoke(mlflow, args);
      } catch (InvocationTargetException threw) {
        throw new AssertionError(m.getName() + " threw " + threw.getCause(), threw.getCause());
      }
      ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(5, TimeUnit.SECONDS), m.getName());
      assertTrue(e.getCause() instanceof InvalidRequestException, m.getName() + ": " + e.getCause());
      checked++;
    }
    assertTrue(checked >= 30, "checked " + checked);
    assertEquals(0, server.getRequestCount());
  }
}
