package dev.kiln.emulator.fidelity;

import com.databricks.sdk.core.utils.SerDeUtils;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a response body into an official SDK model the way the SDK does, but lists what the SDK silently drops:
 * JSON fields its model has no property for (a misspelt or misplaced field reads as null) and enum values its
 * enums do not know (the SDK reads them as null).
 */
final class StrictJson {
  private StrictJson() {}

  static List<String> problems(String json, Class<?> model) {
    List<String> problems = new ArrayList<>();
    ObjectMapper mapper = SerDeUtils.createMapper()
        .configure(DeserializationFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL, false)
        .addHandler(new DeserializationProblemHandler() {
          @Override
          public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p,
              JsonDeserializer<?> deserializer, Object beanOrClass, String propertyName) throws IOException {
            String owner = beanOrClass instanceof Class ? ((Class<?>) beanOrClass).getSimpleName()
                : beanOrClass.getClass().getSimpleName();
            problems.add("unknown field " + owner + "." + propertyName + " at " + p.getParsingContext().pathAsPointer());
            p.skipChildren();
            return true;
          }

          @Override
          public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
              String failureMsg) {
            problems.add("unknown " + targetType.getSimpleName() + " value '" + value + "'");
            return null;
          }
        });
    try {
      mapper.readValue(json, model);
    } catch (IOException e) {
      problems.add("unreadable as " + model.getSimpleName() + ": " + e.getMessage());
    }
    return problems;
  }
}
