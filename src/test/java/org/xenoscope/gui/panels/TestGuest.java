package org.xenoscope.gui.panels;

import org.xenoscope.debug.SystemSpec;
import org.xenoscope.testutil.PvGuests;

/** The PV guest the panel tests step through: {@link PvGuests#threeCalls} writing "Hi". */
final class TestGuest {
    static final String MAIN = PvGuests.threeCalls("Hi");

    private TestGuest() {
    }

    static SystemSpec spec() {
        return PvGuests.spec(MAIN);
    }

    /** The address of label {@code name} in the main guest. */
    static int symbol(String name) {
        return PvGuests.symbol(MAIN, name);
    }
}
