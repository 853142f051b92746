package org.passledger.labelling.projection;

/** Filters of the public directory; null means "any". Radius search needs all three of lat, lon, radiusKm. */
public record DirectorySearch(String departement, String postcode, String commune, String service,
                              Double latitude, Double longitude, Double radiusKm) {

    public boolean aroundPoint() {
        return latitude != null;
    }
}
