package org.navette.ill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.navette.ill.internal.PolicyFileReader;

/**
 * The lending policy of a whole network: one {@link LenderPolicy} per listed library, the
 * {@link Defaults} that stand for every library the file does not list (and for the keys a listed
 * library leaves out), and how {@link Proximity} to the requester is judged. Read from the JSON file
 * described in {@code core/POLICY.md}.
 *
 * <pre>{@code
 * NetworkPolicy network = NetworkPolicy.read(Path.of("policies.json"));
 * LenderPolicy dole = network.policyFor("bib-dole");   // listed, or built from the defaults
 * Rota rota = Rota.of(network, LendingStatistics.read(Path.of("statistics.csv")));
 *
 * NetworkPolicy open = NetworkPolicy.openDefault();     // everyone lends loans and copies, all equal
 * }</pre>
 *
 * <p>Library codes are compared ignoring case. Thread-safety: immutable.
 */
public final class NetworkPolicy {
    /** How closeness to the requester is judged. */
    public enum Proximity {
        /** Same town, then same department, region, country, then elsewhere. */
        TIERS,
        /** Great-circle kilometres between coordinates; libraries without coordinates last. */
        DISTANCE;

        /** The file's spelling: {@code tiers}, {@code distance}. */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Parses {@code tiers} or {@code distance}, ignoring case. */
        public static Optional<Proximity> parse(String text) {
            for (Proximity p : values()) {
                if (p.code().equalsIgnoreCase(text.strip())) {
                    return Optional.of(p);
                }
            }
            return Optional.empty();
        }
    }

    /**
     * The lending terms of a library the file does not list, and the starting point of every listed
     * one: a listed library only writes what differs.
     *
     * @param lendsLoans          whether it lends items
     * @param lendsCopies         whether it supplies copies
     * @param materialTypes       material types lent (lower case); empty means all
     * @param loanPeriodDays      loan period, 1..366
     * @param notLoanableStatuses extra status texts (lower case) that are not loanable
     */
    public record Defaults(boolean lendsLoans, boolean lendsCopies, Set<String> materialTypes, int loanPeriodDays,
                           Set<String> notLoanableStatuses) {
        /** Lends loans and copies of every material for 28 days. */
        public static final Defaults OPEN = new Defaults(true, true, Set.of(), 28, Set.of());

        public Defaults {
            materialTypes = LenderPolicy.sorted(LenderPolicy.foldAll("materialTypes", materialTypes));
            LenderPolicy.checkLoanPeriod(loanPeriodDays);
            notLoanableStatuses = LenderPolicy.sorted(LenderPolicy.foldAll("notLoanableStatuses", notLoanableStatuses));
        }
    }

    private final Defaults defaults;
    private final Proximity proximity;
    private final Map<String, LenderPolicy> libraries;

    private NetworkPolicy(Builder b) {
        defaults = b.defaults;
        proximity = b.proximity;
        libraries = Collections.unmodifiableMap(new LinkedHashMap<>(b.libraries));
    }

    /** Everyone lends loans and copies, nobody is located: every library is an equal candidate. */
    public static NetworkPolicy openDefault() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a policy file.
     *
     * @throws PolicyFileException when it cannot be read or is not a valid policy file
     */
    public static NetworkPolicy read(Path file) {
        try {
            return PolicyFileReader.read(Files.readAllBytes(file), file.toString());
        } catch (IOException e) {
            throw new PolicyFileException(file.toString(), 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads a policy file from {@code in} (not closed), named {@code <stream>} in errors. */
    public static NetworkPolicy read(InputStream in) {
        return read(in, "<stream>");
    }

    /** Reads a policy file from {@code in} (not closed), named {@code sourceName} in errors. */
    public static NetworkPolicy read(InputStream in, String sourceName) {
        try {
            return PolicyFileReader.read(in.readAllBytes(), sourceName);
        } catch (IOException e) {
            throw new PolicyFileException(sourceName, 0, 0, null, "cannot read: " + e.getMessage(), e);
        }
    }

    public Defaults defaults() { return defaults; }

    public Proximity proximity() { return proximity; }

    /** The listed libraries, in file order. */
    public List<LenderPolicy> libraries() {
        return List.copyOf(libraries.values());
    }

    /** The listed policy of {@code library}, when the file lists it. */
    public Optional<LenderPolicy> listed(String library) {
        return Optional.ofNullable(libraries.get(LenderPolicy.fold(library)));
    }

    /** The policy of {@code library}: as listed, or the defaults for an unlisted one. */
    public LenderPolicy policyFor(String library) {
        return listed(library).orElseGet(() -> LenderPolicy.builder(library, defaults).build());
    }

    /**
     * The listed library an agency id designates: the one whose {@code agency} it is, or whose code
     * it names ({@link AgencyId#names}).
     */
    public Optional<LenderPolicy> policyOf(AgencyId agency) {
        for (LenderPolicy p : libraries.values()) {
            if (p.agency().filter(agency::equals).isPresent()) {
                return Optional.of(p);
            }
        }
        return libraries.values().stream().filter(p -> agency.names(p.library())).findFirst();
    }

    @Override
    public String toString() {
        return "NetworkPolicy[" + proximity.code() + ", " + libraries.size() + " libraries, defaults=" + defaults + "]";
    }

    /** Builds a {@link NetworkPolicy}; not thread-safe. */
    public static final class Builder {
        private Defaults defaults = Defaults.OPEN;
        private Proximity proximity = Proximity.TIERS;
        private final Map<String, LenderPolicy> libraries = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder defaults(Defaults defaults) { this.defaults = Objects.requireNonNull(defaults, "defaults"); return this; }

        public Builder proximity(Proximity proximity) { this.proximity = Objects.requireNonNull(proximity, "proximity"); return this; }

        /** @throws IllegalArgumentException when the library (ignoring case) or its agency is already listed */
        public Builder library(LenderPolicy policy) {
            Objects.requireNonNull(policy, "policy");
            LenderPolicy before = libraries.get(LenderPolicy.fold(policy.library()));
            if (before != null) {
                throw new IllegalArgumentException("library " + policy.library() + " is listed twice");
            }
            for (LenderPolicy other : libraries.values()) {
                if (policy.agency().isPresent() && policy.agency().equals(other.agency())) {
                    throw new IllegalArgumentException("agency " + policy.agency().get() + " of library " + policy.library()
                            + " is already the agency of library " + other.library());
                }
            }
            libraries.put(LenderPolicy.fold(policy.library()), policy);
            return this;
        }

        public Builder libraries(Collection<LenderPolicy> policies) {
            new ArrayList<>(policies).forEach(this::library);
            return this;
        }

        public NetworkPolicy build() {
            return new NetworkPolicy(this);
        }
    }
}
