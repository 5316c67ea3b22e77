package org.navette.model;

/**
 * One holding (item or copy) of a record in a library: MARC21 852, Koha 952, UNIMARC 995,
 * or a scraped availability row.
 *
 * <pre>{@code
 * Holding h = Holding.builder().library("BSG").branch("Réserve").callNumber("8 Z 1234")
 *         .barcode("0012345").status("Disponible").availability(Availability.AVAILABLE).build();
 * }</pre>
 *
 * @param library      holding library code or name (852$a/$b, 952$a, 995$b/$a); null when unknown
 * @param branch       sub-location / branch (852$b, 952$b, 995$c); null when unknown
 * @param location     shelving location or collection (852$c, 952$c, 995$e); null when unknown
 * @param callNumber   call number / shelf mark (852$h$i, 952$o, 995$k); null when unknown
 * @param barcode      item barcode (952$p, 995$f); null when unknown
 * @param status       the source's own status text or code, unchanged; null when absent
 * @param availability our reading of the status
 * @param note         public note, volume or copy designation; null when absent
 */
public record Holding(String library, String branch, String location, String callNumber, String barcode,
                      String status, Availability availability, String note) {
    public Holding {
        library = blankToNull(library);
        branch = blankToNull(branch);
        location = blankToNull(location);
        callNumber = blankToNull(callNumber);
        barcode = blankToNull(barcode);
        status = blankToNull(status);
        note = blankToNull(note);
        if (availability == null) {
            availability = Availability.UNKNOWN;
        }
        if (library == null && branch == null && callNumber == null && barcode == null && location == null) {
            throw new IllegalArgumentException(
                    "holding needs at least a library, branch, location, call number or barcode");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A builder: all parts optional but one of library/branch/location/callNumber/barcode. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link Holding}s; not thread-safe. */
    public static final class Builder {
        private String library;
        private String branch;
        private String location;
        private String callNumber;
        private String barcode;
        private String status;
        private Availability availability = Availability.UNKNOWN;
        private String note;

        private Builder() {
        }

        public Builder library(String library) { this.library = library; return this; }
        public Builder branch(String branch) { this.branch = branch; return this; }
        public Builder location(String location) { this.location = location; return this; }
        public Builder callNumber(String callNumber) { this.callNumber = callNumber; return this; }
        public Builder barcode(String barcode) { this.barcode = barcode; return this; }
        public Builder status(String status) { this.status = status; return this; }
        public Builder availability(Availability availability) { this.availability = availability; return this; }
        public Builder note(String note) { this.note = note; return this; }

        public Holding build() {
            return new Holding(library, branch, location, callNumber, barcode, status, availability, note);
        }
    }
}
