/**
 * Unity Catalog governance: start with {@link dev.kiln.catalog.CatalogClient#create}. Request and
 * response types are in {@code dev.kiln.catalog.model}.
 */
package dev.kiln.catalog;
