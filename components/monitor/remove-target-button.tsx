"use client";
// Removes a target (admin), after a confirmation.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function RemoveTargetButton({ id, label, confirm }: { id: number; label: string; confirm: string }) {
  const router = useRouter();
  const [error, setError] = useState("");
  const remove = async () => {
    if (!window.confirm(confirm)) return;
    const response = await fetch(`/api/targets/${id}`, { method: "DELETE" });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      setError(body.error?.message ?? response.statusText);
      return;
    }
    router.refresh();
  };
  return (
    <>
      <button type="button" className="button button--quiet" onClick={() => void remove()}>
        {label}
      </button>
      {error ? (
        <span className="notice notice--bad" role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}
