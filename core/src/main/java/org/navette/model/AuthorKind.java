package org.navette.model;

/** Whether an author is a person, a corporate body or a meeting (MARC X00 / X10 / X11, UNIMARC 7X0 / 7X1). */
public enum AuthorKind {
    PERSONAL,
    CORPORATE,
    MEETING
}
