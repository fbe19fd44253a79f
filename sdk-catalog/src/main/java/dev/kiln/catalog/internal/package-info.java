/** Unity Catalog wire forms and decoding; not part of the API (the module does not export it). */
package dev.kiln.catalog.internal;
