package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;
import org.xenoscope.machine.intr.CpuFault;
import org.xenoscope.xen.abi.Errno;

/**
 * Xen's {@code copy_from_guest}/{@code copy_to_guest}: reads and writes of guest virtual memory through the
 * guest's own page tables (the current CR3), with supervisor rights and CR0.WP on, as Xen's own accesses are.
 *
 * <p>Contract: an access that leaves the guest's part of the address space (at or above HYPERVISOR_VIRT_START,
 * or wrapping), or that the page tables refuse (not present, read-only for a write), throws {@link
 * HypercallError} with EFAULT — the hypercall returns -EFAULT and nothing else happens. Accesses set Accessed and
 * Dirty bits as the hardware walk does.
 */
public final class GuestMemory {
    private final Cpu cpu;
    private final GuestFlavour flavour;

    public GuestMemory(Cpu cpu, GuestFlavour flavour) {
        this.cpu = cpu;
        this.flavour = flavour;
    }

    /** Throws EFAULT unless [va, va+len) lies below HYPERVISOR_VIRT_START. */
    public void checkRange(int va, int len) {
        long end = (va & 0xFFFFFFFFL) + len;
        if (len < 0 || end > (flavour.hypervisorVirtStart() & 0xFFFFFFFFL)) {
            throw new HypercallError(Errno.EFAULT, String.format("guest buffer 0x%08x+%d is not guest memory",
                va, len));
        }
    }

    public int read32(int va) {
        checkRange(va, 4);
        try {
            return cpu.readLinear32(va);
        } catch (CpuFault f) {
            throw fault(va, f);
        }
    }

    public int read16(int va) {
        checkRange(va, 2);
        try {
            return cpu.readLinear16(va);
        } catch (CpuFault f) {
            throw fault(va, f);
        }
    }

    public int read8(int va) {
        checkRange(va, 1);
        try {
            return cpu.readLinear8(va);
        } catch (CpuFault f) {
            throw fault(va, f);
        }
    }

    public long read64(int va) {
        return (read32(va) & 0xFFFFFFFFL) | ((long) read32(va + 4) << 32);
    }

    /** Copies {@code len} bytes from guest address {@code va}. */
    public byte[] read(int va, int len) {
        checkRange(va, len);
        byte[] b = new byte[len];
        for (int i = 0; i < len; i++) {
            try {
                b[i] = (byte) cpu.readLinear8(va + i);
            } catch (CpuFault f) {
                throw fault(va + i, f);
            }
        }
        return b;
    }

    public void write32(int va, int v) {
        checkRange(va, 4);
        try {
            cpu.writeLinear32(va, v);
        } catch (CpuFault f) {
            throw fault(va, f);
        }
    }

    public void write16(int va, int v) {
        checkRange(va, 2);
        try {
            cpu.writeLinear16(va, v);
        } catch (CpuFault f) {
            throw fault(va, f);
        }
    }

    public void write8(int va, int v) {
        checkRange(va, 1);
        try {
            cpu.writeLinear8(va, v);
        } catch (CpuFault f) {
            throw fault(va, f);
        }
    }

    /** Copies {@code b} to guest address {@code va}; on a fault the bytes before it have been written. */
    public void write(int va, byte[] b) {
        checkRange(va, b.length);
        for (int i = 0; i < b.length; i++) {
            write8(va + i, b[i]);
        }
    }

    private static HypercallError fault(int va, CpuFault f) {
        return new HypercallError(Errno.EFAULT, String.format("guest address 0x%08x: %s", va, f.getMessage()));
    }
}
