; hello-2level.asm: a guest of the paper's flavour: 2-level (non-PAE) paging.
;
; In 2003 a 32-bit Xen guest used the classic two-level page tables and Xen sat in the top 64 MiB of every
; address space (HYPERVISOR_VIRT_START 0xFC000000). Today's 32-bit guests are PAE (3 levels, Xen from
; 0xF5800000). The domain builder picks the flavour from the XEN_ELFNOTE_PAE_MODE note: this guest carries every
; note of hello.asm except that one, so it is built with 2-level tables and the start_info magic
; "xen-3.0-x86_32" (without the PAE "p"). The guest prints that magic and shuts down.
;
; Run: ./xenoscope run sample-guests/pv/hello-2level.asm
;
; expect-output: Hello from a 2-level PV guest, start_info magic xen-3.0-x86_32
; expect-exit: 0
; max-instructions: 50000

%include "pv.inc"

section .text
global _start
_start:
    mov esp, stack_top
    mov edx, message
    call puts
    lea edx, [esi + SI_MAGIC]       ; a NUL-terminated string in start_info
    call puts
    mov edx, newline
    call puts
    jmp poweroff

    PV_LIBRARY

section .rodata
message:    db "Hello from a 2-level PV guest, start_info magic ", 0
newline:    db 10, 0

    PV_TAIL ""                      ; no PAE_MODE note
