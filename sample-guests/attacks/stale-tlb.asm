; stale-tlb.asm (attack j): write to a new page table through a stale TLB entry.
;
; Removing a mapping does not remove the TLB's copy of it: update_va_mapping with UVMF_NONE leaves the stale
; translation in place, as real hardware would. The attack: map a page writable, touch it (the TLB now holds a
; writable translation), unmap it without a flush (its writable type count drops to 0), pin it as an L1 (legal
; now: it is mapped writable nowhere), then write a forged entry into the live L1 through the stale
; translation. Xen closes this at the type change: when a frame leaves the "writable" type for a page-table
; type, every TLB that may still hold a writable translation of it is flushed (Xen's tlbflush_filter on the
; frame's timestamp; xen-abi.md 4.2). So the write walks the page tables again, finds the PTE not present, and
; faults.
;
; expect-output: attack (j): write to a new page table through a stale TLB entry
; expect-output: update_va_mapping(victim, not present, UVMF_NONE: no flush): 0
; expect-output: mmuext_op(PIN_L1_TABLE victim): 0
; expect-output: write a forged entry through the stale translation: #PF, error code 0x00000002
; expect-output: update_va_mapping(target -> victim, read-only): 0
; expect-output: entry 0 of the pinned L1: 0x00000000
; expect-output: refused
; expect-exit: 0
; max-instructions: 100000

%include "attack.inc"

section .text
global _start
_start:
    ATTACK_START
    mov edx, msg_title
    call puts
    mov ebx, trap_table
    hypercall __HYPERVISOR_set_trap_table
    test eax, eax
    jnz setup_failed
    mov eax, victim
    call mfn_of_va
    mov [victim_mfn], eax
    mov eax, victim
    call l1_of_va
    shl eax, 12
    or eax, PTE_RW_FLAGS
    mov [forged], eax               ; the entry we want in a live L1: our real L1, writable

    mov dword [victim], 0           ; 1. a write: the TLB now holds victim -> its frame, writable and dirty
    mov ebx, victim                 ; 2. unmap it, no flush
    xor ecx, ecx
    xor edx, edx
    mov esi, UVMF_NONE
    hypercall __HYPERVISOR_update_va_mapping
    MUST msg_unmap
    mov ebx, MMUEXT_PIN_L1_TABLE    ; 3. the frame is mapped writable nowhere: it may become an L1
    mov ecx, [victim_mfn]
    call mmuext1
    MUST msg_pin
    mov edx, msg_write              ; 4. the forged entry, through the stale translation
    call puts
    mov eax, [forged]
    mov [victim], eax
    mov edx, newline                ; the write went through: a live L1 holds an entry Xen never checked
    call puts
    jmp broken
after_write:
    mov ebx, target                 ; 5. read the L1 through a read-only mapping: still empty
    mov eax, [victim_mfn]
    mov ecx, PTE_RO_FLAGS
    call map_page
    MUST msg_map_ro
    mov edx, msg_entry
    call puts
    mov eax, [target]
    call print_hex
    mov edx, newline
    call puts
    cmp dword [target], 0
    jne broken
    jmp all_refused

; The #PF handler: [esp] error code, [esp+4] eip. Report and resume at after_write.
pf_handler:
    mov edx, msg_pf
    call puts
    mov eax, [esp]
    call print_hex
    mov edx, newline
    call puts
    add esp, 4
    mov dword [esp], after_write
    jmp hypercall_page + __HYPERVISOR_iret * HYPERCALL_STUB_SIZE

    ATTACK_LIBRARY

section .rodata
trap_table:
    TRAP 14, 0, FLAT_RING1_CS, pf_handler
    TRAP 0, 0, 0, 0
msg_title:  db "attack (j): write to a new page table through a stale TLB entry", 10, 0
msg_unmap:  db "update_va_mapping(victim, not present, UVMF_NONE: no flush): ", 0
msg_pin:    db "mmuext_op(PIN_L1_TABLE victim): ", 0
msg_write:  db "write a forged entry through the stale translation: ", 0
msg_pf:     db "#PF, error code ", 0
msg_map_ro: db "update_va_mapping(target -> victim, read-only): ", 0
msg_entry:  db "entry 0 of the pinned L1: ", 0

    ATTACK_TAIL
victim_mfn: resd 1
forged:     resd 1
alignb 4096
victim:     resb 4096
target:     resb 4096
