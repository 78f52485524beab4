; trap-pf.asm: a page-fault handler in a PV guest (the paper's §2.1.2 "exceptions").
;
; A PV guest cannot load the IDT (LIDT is privileged; the guest runs in ring 1). It gives the hypervisor a
; *virtual* IDT instead, the trap table (set_trap_table). When the CPU raises an exception, the real IDT sends it
; to Xen, which copies it onto the guest's stack as a "bounce frame" and jumps to the guest's handler:
;
;     guest stack in the handler:   [esp+12]  eflags
;                                   [esp+8]   cs (| saved event mask << 16)
;                                   [esp+4]   eip of the faulting instruction
;                                   [esp]     error code (#PF: bit 0 present, bit 1 write, bit 2 user)
;
; The faulting address (CR2) cannot be read with `mov eax, cr2` either (privileged): Xen writes it into the
; shared_info page, at vcpu_info[0].arch.cr2 (shared_info + 8). So the guest first maps shared_info.
;
; The handler maps the missing page and returns with the iret hypercall: `jmp hypercall_page + 23*32`. That stub
; pushes EAX, so Xen finds [eax, eip, cs, eflags] and restores all four (a plain `iret` in ring 1 could not
; restore the event mask, which Xen keeps in shared_info). The faulting `mov` runs again and now succeeds.
;
; Run: ./xenoscope run sample-guests/pv/trap-pf.asm   (or make, then ./xenoscope run build/trap-pf-asm.elf)
;
; expect-output: trap table installed, shared_info mapped
; expect-output-match: victim page at 0x[0-9a-f]{8} unmapped; writing 0x600d to it
; expect-output-match: #PF: cr2=0x[0-9a-f]{8} \(the victim page: yes\), error code=0x00000002 \(write, not present, ring 1\)
; expect-output: read back 0x0000600d after the handler mapped the page again
; expect-exit: 0
; max-instructions: 50000

%include "pv.inc"

section .text
global _start
_start:
    mov esp, stack_top
    mov [start_info], esi           ; the only register the builder sets for us

    ; 1. Map the shared_info page (a frame of Xen's, given by its MACHINE address) at our .bss page
    ;    shared_info: update_va_mapping(va, pte_lo, pte_hi, flags), pte = machine address | P | RW.
    mov ebx, shared_info
    mov ecx, [esi + SI_SHARED_INFO]
    or ecx, PTE_P | PTE_RW
    xor edx, edx                    ; pte_hi: the machine address is below 4 GiB
    mov esi, UVMF_INVLPG
    hypercall __HYPERVISOR_update_va_mapping
    test eax, eax
    jnz crash

    ; 2. Install the virtual IDT: one entry, #PF (vector 14) -> pf_handler in ring 1.
    mov ebx, trap_table
    hypercall __HYPERVISOR_set_trap_table
    test eax, eax
    jnz crash
    mov edx, msg_ready
    call puts

    ; 3. Unmap the victim page: a PTE of 0 is "not present".
    mov edx, msg_victim
    call puts
    mov eax, victim
    call print_hex
    mov edx, msg_unmapped
    call puts
    mov ebx, victim
    xor ecx, ecx
    xor edx, edx
    mov esi, UVMF_INVLPG
    hypercall __HYPERVISOR_update_va_mapping
    test eax, eax
    jnz crash

    ; 4. Touch it. The first try faults (#PF -> Xen -> pf_handler); the handler maps the page and returns here,
    ;    to the same instruction, which then succeeds.
    mov dword [victim], 0x600d
    mov edx, msg_read
    call puts
    mov eax, [victim]
    call print_hex
    mov edx, msg_read_end
    call puts
    jmp poweroff

; The #PF handler, entered by Xen with the bounce frame above (ring 1, events masked: flags bit 2).
pf_handler:
    pushad                          ; 32 bytes: the error code is now at [esp+32]
    mov edx, msg_pf
    call puts
    mov eax, [shared_info + VCPU0_CR2]
    call print_hex                  ; CR2, as Xen recorded it for us
    mov edx, msg_yes
    and eax, ~0xFFF
    cmp eax, victim
    je .same
    mov edx, msg_no
.same:
    call puts
    mov eax, [esp + 32]
    call print_hex                  ; the error code Xen copied from the CPU
    mov edx, msg_ec
    call puts

    ; Map the page again: its pseudo-physical frame is va >> 12 (VA == pseudo-physical address in these
    ; guests), its machine frame mfn_list[pfn]; the PTE is mfn << 12 | P | RW (in two halves for PAE).
    mov ebx, [shared_info + VCPU0_CR2]
    and ebx, ~0xFFF                 ; EBX = the page's virtual address
    mov eax, ebx
    shr eax, 12                     ; EAX = pfn
    mov ecx, [start_info]
    mov ecx, [ecx + SI_MFN_LIST]
    mov ecx, [ecx + eax * 4]        ; ECX = mfn
    mov edx, ecx
    shr edx, 20                     ; pte_hi = mfn >> 20
    shl ecx, 12
    or ecx, PTE_P | PTE_RW          ; pte_lo = mfn << 12 | flags
    mov esi, UVMF_INVLPG
    hypercall __HYPERVISOR_update_va_mapping
    test eax, eax
    jnz crash                       ; otherwise we would fault again, forever
    popad
    add esp, 4                      ; drop the error code: [esp] = eip, cs, eflags
    jmp hypercall_page + __HYPERVISOR_iret * HYPERCALL_STUB_SIZE

    PV_LIBRARY

section .rodata
trap_table:
    TRAP 14, 0, FLAT_RING1_CS, pf_handler   ; vector 14 = #PF; DPL 0: `int 14` from the guest is refused
    TRAP 0, 0, 0, 0                         ; end of the table
msg_ready:      db "trap table installed, shared_info mapped", 10, 0
msg_victim:     db "victim page at ", 0
msg_unmapped:   db " unmapped; writing 0x600d to it", 10, 0
msg_pf:         db "#PF: cr2=", 0
msg_yes:        db " (the victim page: yes), error code=", 0
msg_no:         db " (the victim page: NO), error code=", 0
msg_ec:         db " (write, not present, ring 1)", 10, 0
msg_read:       db "read back ", 0
msg_read_end:   db " after the handler mapped the page again", 10, 0

    PV_TAIL "yes"

section .bss
start_info:     resd 1
alignb 4096
shared_info:    resb 4096           ; a page of our own, replaced by the mapping of Xen's shared_info frame
victim:         resb 4096           ; the page we unmap and fault on
