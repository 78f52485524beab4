; bad-stack.asm: a fault the guest cannot be told about kills it (the paper's double-fault rule).
;
; To deliver an exception Xen writes a bounce frame onto the guest's stack (trap-pf.asm). If that stack is not
; mapped, writing the frame faults too, inside Xen, and there is nobody left to tell: real Xen crashes the
; domain ("domain_crash"), and so does Xenoscope, with the reason on stderr and in the trace.
;
; The guest installs a #PF handler (so the fault is not simply "unhandled"), unmaps VA 0 (as XTF does at start
; of day), moves its stack pointer to the top of that page and pushes: #PF at 0x00000ffc; Xen tries to push the
; frame at 0x00000ff0 and fails. The handler never runs.
;
; Run: ./xenoscope run sample-guests/pv/bad-stack.asm     (exit status 1, the reason on stderr)
;
; expect-output: trap table installed; stack now at 0x00001000, in the unmapped page 0
; expect-exit: 1
; max-instructions: 50000

%include "pv.inc"

section .text
global _start
_start:
    mov esp, stack_top

    mov ebx, trap_table
    hypercall __HYPERVISOR_set_trap_table
    test eax, eax
    jnz crash

    ; update_va_mapping(0, 0, 0, UVMF_INVLPG): page 0 is not present any more.
    xor ebx, ebx
    xor ecx, ecx
    xor edx, edx
    mov esi, UVMF_INVLPG
    hypercall __HYPERVISOR_update_va_mapping
    test eax, eax
    jnz crash

    mov edx, msg_ready
    call puts
    mov esp, 0x1000                 ; the stack now lives in the unmapped page
    push eax                        ; #PF, and no stack for Xen to bounce it onto: the domain is killed
    jmp poweroff                    ; not reached

; Never entered: Xen cannot build its frame.
pf_handler:
    jmp poweroff

    PV_LIBRARY

section .rodata
trap_table:
    TRAP 14, 0, FLAT_RING1_CS, pf_handler
    TRAP 0, 0, 0, 0
msg_ready:      db "trap table installed; stack now at 0x00001000, in the unmapped page 0", 10, 0

    PV_TAIL "yes"
