package org.xenoscope.xen;

import org.xenoscope.machine.cpu.Cpu;

/**
 * One hypercall being handled: the calling domain, the argument registers (EBX, ECX, EDX, ESI, EDI) and access to
 * the guest's memory as Xen's copy_from_guest/copy_to_guest see it.
 */
public record Call(Hypervisor hv, Domain domain, int number, int[] args, GuestMemory mem) {
    /** Argument {@code i} (0 = EBX ... 4 = EDI). */
    public int arg(int i) {
        return args[i];
    }

    public Cpu cpu() {
        return hv.cpu();
    }

    public Vcpu vcpu() {
        return domain.vcpu0;
    }

    /** The call of {@code number} with {@code args} on behalf of the same domain (multicall entries). */
    public Call with(int nr, int[] a) {
        return new Call(hv, domain, nr, a, mem);
    }
}
