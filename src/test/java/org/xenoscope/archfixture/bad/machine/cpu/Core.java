package org.xenoscope.archfixture.bad.machine.cpu;

import javax.swing.JPanel;
import org.xenoscope.archfixture.bad.machine.mmu.Walker;
import org.xenoscope.archfixture.bad.xen.Hypervisor;

/** Fixture: a machine class that uses Swing, reaches up into xen and forms a cycle with machine.mmu. */
public class Core {
    JPanel panel;
    Hypervisor xen;
    Walker walker;
}
