package org.xenoscope.archfixture.good.debug;

import org.xenoscope.archfixture.good.dom0.Toolstack;
import org.xenoscope.archfixture.good.machine.Machine;

/** Fixture: debug sits on dom0 and may reach down to the machine. */
public class Session {
    Toolstack toolstack;
    Machine machine;
}
