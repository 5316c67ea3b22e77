package org.navette.spi;

/**
 * The steps a connector goes through for one search, reported to its {@link SearchListener}.
 */
public enum Phase {
    CONNECTING,
    SEARCHING,
    FETCHING
}
