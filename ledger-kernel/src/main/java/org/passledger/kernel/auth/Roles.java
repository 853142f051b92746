package org.passledger.kernel.auth;

/** The roles a bearer token can carry in its {@code groups} claim. */
public final class Roles {

    public static final String AGENCY = "agency";
    public static final String FUNDER = "funder";
    public static final String DISTRIBUTOR = "distributor";
    public static final String STRUCTURE = "structure";
    public static final String OPERATOR = "operator";

    private Roles() {
    }
}
