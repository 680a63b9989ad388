export function OfflineNotice({ chatModel }: { chatModel?: string }) {
  return (
    <div className="offline-notice" role="note" data-testid="offline-notice">
      <strong>Offline stand-in model.</strong> Replies come from a local stand-in, not Claude
      {chatModel ? (
        <>
          ; costs are computed as if from <code>{chatModel}</code>
        </>
      ) : null}
      .
    </div>
  );
}
