package org.xenoscope.debug;

import org.xenoscope.asm.elf.BareMetalBoot;
import org.xenoscope.dom0.XenSystem;
import org.xenoscope.machine.PcMachine;

/**
 * Everything needed to build a simulation from nothing, identically each time: the kind of system, the guest
 * image (already assembled if it was source), its name, the memory size and the guest's command line.
 */
public record SystemSpec(Kind kind, String name, byte[] image, int memoryMb, String cmdline) {
    /** A PV guest on the hypervisor, or a multiboot kernel on the bare PC. */
    public enum Kind { PV, BARE_METAL }

    public SystemSpec {
        image = image.clone();
    }

    @Override
    public byte[] image() {
        return image.clone();
    }

    /** A PV guest. */
    public static SystemSpec pv(String name, byte[] elf, int memoryMb, String cmdline) {
        return new SystemSpec(Kind.PV, name, elf, memoryMb, cmdline);
    }

    /** A bare-metal multiboot kernel. */
    public static SystemSpec bareMetal(String name, byte[] elf, int memoryMb) {
        return new SystemSpec(Kind.BARE_METAL, name, elf, memoryMb, name);
    }

    /** Contract: builds the system in its boot state; bad images throw BadInputException. */
    public Target build() {
        if (kind == Kind.PV) {
            XenSystem sys = new XenSystem(memoryMb);
            sys.boot(name, image, memoryMb, cmdline);
            return new PvTarget(sys);
        }
        PcMachine m = new PcMachine(memoryMb << 20);
        BareMetalBoot.boot(m, name, image, cmdline);
        return new BareTarget(m);
    }
}
