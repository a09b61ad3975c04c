"use client";
// Acknowledges an alert (admin): it leaves the open list.
import { useRouter } from "next/navigation";
import { useState } from "react";

export function AcknowledgeButton({ id, label, busy }: { id: number; label: string; busy: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string }>({ busy: false, error: "" });
  const acknowledge = async () => {
    setState({ busy: true, error: "" });
    const response = await fetch(`/api/alerts/${id}/acknowledge`, { method: "POST" });
    if (!response.ok) {
      const body = (await response.json().catch(() => ({}))) as { error?: { message?: string } };
      setState({ busy: false, error: body.error?.message ?? response.statusText });
      return;
    }
    router.refresh();
  };
  return (
    <>
      <button type="button" className="button button--quiet" disabled={state.busy} onClick={() => void acknowledge()}>
        {state.busy ? busy : label}
      </button>
      {state.error ? (
        <span className="notice notice--bad" role="alert">
          {state.error}
        </span>
      ) : null}
    </>
  );
}
