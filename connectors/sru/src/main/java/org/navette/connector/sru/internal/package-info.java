/**
 * Internals of the SRU connector: settings ({@link org.navette.connector.sru.internal.SruSettings}),
 * request building, the hardened StAX response parser
 * ({@link org.navette.connector.sru.internal.SruResponseParser}, fuzzed), HTTP answer classification
 * ({@link org.navette.connector.sru.internal.SruResponseReader}), the paging state machine
 * ({@link org.navette.connector.sru.internal.SearchRun}) and the OkHttp transport
 * ({@link org.navette.connector.sru.internal.SruTransport}); the harvesters behind the catalogue sources
 * ({@link org.navette.connector.sru.internal.OaiHarvester} with its {@code OaiResponseParser}, and
 * {@link org.navette.connector.sru.internal.SruHarvester}, which reuses the SRU request, reader and paging
 * classes). Not an API: may change without notice.
 */
package org.navette.connector.sru.internal;
