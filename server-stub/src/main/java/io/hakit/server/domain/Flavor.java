package io.hakit.server.domain;

/** A hardware configuration; HA takes flavors of {@link #MIN_HA_RAM_MB} or more. */
public record Flavor(int id, String name, int ramMb) {

    public static final int MIN_HA_RAM_MB = 1024;

    public boolean fitsHa() {
        return ramMb >= MIN_HA_RAM_MB;
    }
}
