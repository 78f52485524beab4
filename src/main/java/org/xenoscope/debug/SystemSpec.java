package org.xenoscope.debug;

import java.util.ArrayList;
import java.util.List;
import org.xenoscope.asm.elf.BareMetalBoot;
import org.xenoscope.dom0.XenSystem;
import org.xenoscope.machine.PcMachine;

/**
 * Everything needed to build a simulation from nothing, identically each time: the kind of system, the guest
 * image (already assembled if it was source), its name, the memory size and the guest's command line. A PV
 * system may hold further guests ({@link #others()}), each with the same memory size and command line, booted
 * after the first in order (the first one runs first; the scheduler shares the CPU among them).
 */
public record SystemSpec(Kind kind, String name, byte[] image, int memoryMb, String cmdline, List<Guest> others) {
    /** A PV guest on the hypervisor, or a multiboot kernel on the bare PC. */
    public enum Kind { PV, BARE_METAL }

    /** One named guest image. */
    public record Guest(String name, byte[] image) {
        public Guest {
            image = image.clone();
        }

        @Override
        public byte[] image() {
            return image.clone();
        }
    }

    public SystemSpec {
        image = image.clone();
        others = List.copyOf(others);
        if (kind == Kind.BARE_METAL && !others.isEmpty()) {
            throw new IllegalArgumentException("a bare-metal system runs one kernel");
        }
    }

    /** A system with one guest. */
    public SystemSpec(Kind kind, String name, byte[] image, int memoryMb, String cmdline) {
        this(kind, name, image, memoryMb, cmdline, List.of());
    }

    @Override
    public byte[] image() {
        return image.clone();
    }

    /** A PV guest. */
    public static SystemSpec pv(String name, byte[] elf, int memoryMb, String cmdline) {
        return new SystemSpec(Kind.PV, name, elf, memoryMb, cmdline);
    }

    /** Several PV guests of {@code memoryMb} MiB each, booted in list order (at least one). */
    public static SystemSpec pv(List<Guest> guests, int memoryMb, String cmdline) {
        if (guests.isEmpty()) {
            throw new IllegalArgumentException("no guest");
        }
        Guest first = guests.get(0);
        return new SystemSpec(Kind.PV, first.name(), first.image(), memoryMb, cmdline, guests.subList(1,
            guests.size()));
    }

    /** A bare-metal multiboot kernel. */
    public static SystemSpec bareMetal(String name, byte[] elf, int memoryMb) {
        return new SystemSpec(Kind.BARE_METAL, name, elf, memoryMb, name);
    }

    /** Every guest, the first one first. */
    public List<Guest> guests() {
        List<Guest> all = new ArrayList<>();
        all.add(new Guest(name, image));
        all.addAll(others);
        return all;
    }

    /** Contract: builds the system in its boot state; bad images throw BadInputException. */
    public Target build() {
        if (kind == Kind.PV) {
            XenSystem sys = new XenSystem(memoryMb * (1 + others.size()));
            for (Guest g : guests()) {
                sys.boot(g.name(), g.image(), memoryMb, cmdline);
            }
            return new PvTarget(sys);
        }
        PcMachine m = new PcMachine(memoryMb << 20);
        BareMetalBoot.boot(m, name, image, cmdline);
        return new BareTarget(m);
    }
}
