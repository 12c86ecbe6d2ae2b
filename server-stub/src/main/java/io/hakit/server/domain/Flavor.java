package io.hakit.server.domain;

/** A hardware configuration; HA takes flavors with the RAM the document's x-catalog table names, or more. */
public record Flavor(int id, String name, int ramMb) {

    public boolean fitsHa() {
        return ramMb >= CatalogTable.DOCUMENTED.haFlavorMinRam();
    }
}
