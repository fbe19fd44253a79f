/** Kiln's Unity Catalog client: {@code dev.kiln.catalog.CatalogClient}. */
module dev.kiln.catalog {
  requires transitive dev.kiln.core;
  requires static org.immutables.value.annotations;

  exports dev.kiln.catalog;
  exports dev.kiln.catalog.model;

  // Jackson builds the models and the wire DTOs by reflection.
  opens dev.kiln.catalog.model to com.fasterxml.jackson.databind;
  opens dev.kiln.catalog.internal to com.fasterxml.jackson.databind;
}
