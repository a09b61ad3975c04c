"use client";
// The main navigation, marking the current section for screen readers and the eye, and the section
// being opened while its page is on the way.
import Link, { useLinkStatus } from "next/link";
import { usePathname } from "next/navigation";

export function NavLinks({ links }: { links: { href: string; label: string }[] }) {
  const pathname = usePathname();
  return (
    <>
      {links.map((link) => {
        const current =
          link.href === "/"
            ? pathname === "/"
            : pathname === link.href ||
              pathname.startsWith(`${link.href}/`) ||
              (link.href === "/import" && pathname.startsWith("/imports"));
        return (
          <Link key={link.href} href={link.href} aria-current={current ? "page" : undefined}>
            <LinkLabel label={link.label} />
          </Link>
        );
      })}
    </>
  );
}

function LinkLabel({ label }: { label: string }) {
  const { pending } = useLinkStatus();
  return <span className={pending ? "nav-pending" : undefined}>{label}</span>;
}
