package org.navette.connector.z3950.internal;

import com.sun.jna.Library;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.PointerByReference;

/**
 * JNA binding of the part of libyaz's ZOOM C API ({@code yaz/zoom.h}, YAZ 5) that Navette uses. Method
 * names are the C function names; {@code size_t} is bound as {@link NativeLong} (LP64 and ILP32).
 * Handles ({@code ZOOM_options}, {@code ZOOM_connection}, {@code ZOOM_resultset}, {@code ZOOM_record},
 * {@code ZOOM_query}) are opaque {@link Pointer}s; {@link ZoomLibrary} wraps them with ownership and
 * live-object counting, so nothing outside this package calls this interface directly.
 *
 * <pre>{@code
 * Yaz yaz = ZoomLibrary.load(List.of("yaz", "libyaz.so.5")).yaz();
 * }</pre>
 *
 * <p>Thread-safety: libyaz allows concurrent use of different connections from different threads;
 * one connection (and its result sets and records) must be used by one thread at a time.
 */
public interface Yaz extends Library {
    /** {@code ZOOM_SELECT_READ}: the connection waits to read. */
    int SELECT_READ = 1;
    /** {@code ZOOM_SELECT_WRITE}: the connection waits to write. */
    int SELECT_WRITE = 2;
    /** {@code ZOOM_SELECT_EXCEPT}: the connection watches for socket errors. */
    int SELECT_EXCEPT = 4;

    /** {@code ZOOM_EVENT_RECV_SEARCH}: a search response arrived (the hit count is known). */
    int EVENT_RECV_SEARCH = 9;
    /** {@code ZOOM_EVENT_END}: the connection's task queue became empty. */
    int EVENT_END = 10;

    // options
    Pointer ZOOM_options_create();

    void ZOOM_options_set(Pointer options, String name, String value);

    String ZOOM_options_get(Pointer options, String name);

    void ZOOM_options_destroy(Pointer options);

    // connections
    Pointer ZOOM_connection_create(Pointer options);

    void ZOOM_connection_connect(Pointer connection, String host, int port);

    void ZOOM_connection_option_set(Pointer connection, String key, String value);

    /** Same, with a pre-encoded key (see {@link CString}). */
    void ZOOM_connection_option_set(Pointer connection, Pointer key, String value);

    String ZOOM_connection_option_get(Pointer connection, String key);

    int ZOOM_connection_errcode(Pointer connection);

    int ZOOM_connection_error_x(Pointer connection, PointerByReference message, PointerByReference addInfo,
                                PointerByReference diagSet);

    void ZOOM_connection_destroy(Pointer connection);

    Pointer ZOOM_connection_search_pqf(Pointer connection, String pqf);

    Pointer ZOOM_connection_search(Pointer connection, Pointer query);

    // asynchronous operation (option "async" = 1)
    int ZOOM_event(int count, Pointer[] connections);

    int ZOOM_connection_process(Pointer connection);

    int ZOOM_connection_is_idle(Pointer connection);

    int ZOOM_connection_last_event(Pointer connection);

    int ZOOM_connection_get_socket(Pointer connection);

    int ZOOM_connection_get_mask(Pointer connection);

    int ZOOM_connection_fire_event_socket(Pointer connection, int mask);

    int ZOOM_connection_fire_event_timeout(Pointer connection);

    String ZOOM_diag_str(int error);

    // queries
    Pointer ZOOM_query_create();

    int ZOOM_query_prefix(Pointer query, String pqf);

    int ZOOM_query_cql(Pointer query, String cql);

    void ZOOM_query_destroy(Pointer query);

    // result sets
    NativeLong ZOOM_resultset_size(Pointer resultSet);

    void ZOOM_resultset_records(Pointer resultSet, Pointer records, NativeLong start, NativeLong count);

    Pointer ZOOM_resultset_record(Pointer resultSet, NativeLong position);

    Pointer ZOOM_resultset_record_immediate(Pointer resultSet, NativeLong position);

    void ZOOM_resultset_destroy(Pointer resultSet);

    // records
    Pointer ZOOM_record_get(Pointer record, String type, IntByReference length);

    /** Same, with a pre-encoded type (see {@link CString}). */
    Pointer ZOOM_record_get(Pointer record, Pointer type, IntByReference length);

    Pointer ZOOM_record_clone(Pointer record);

    int ZOOM_record_error(Pointer record, PointerByReference message, PointerByReference addInfo,
                          PointerByReference diagSet);

    /** Same, for the code only: libyaz accepts NULL for the three out-parameters. */
    int ZOOM_record_error(Pointer record, Pointer message, Pointer addInfo, Pointer diagSet);

    void ZOOM_record_destroy(Pointer record);
}
