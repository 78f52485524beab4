package org.xenoscope.archfixture.good.dom0;

import org.xenoscope.archfixture.good.xen.Hypervisor;

/** Fixture: dom0 sits on xen. */
public class Toolstack {
    Hypervisor xen;
}
