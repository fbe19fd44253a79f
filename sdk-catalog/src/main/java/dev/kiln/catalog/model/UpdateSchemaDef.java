package dev.kiln.catalog.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/** {@code PATCH schemas/{full_name}}: only the fields set are sent. At least one must be. */
@Value.Immutable
@JsonSerialize(as = UpdateSchema.class)
abstract class UpdateSchemaDef implements UpdateFields {
}
