/** A public search that works without JavaScript: a GET form with one labelled field. */
export function SearchForm({ action, name, label, button, query, className = "mt-3" }: { action: string; name: string; label: string; button: string; query?: string; className?: string }) {
  return (
    <form action={action} method="get" role="search" className={`${className} flex max-w-xl flex-wrap items-end gap-2`}>
      <div className="flex min-w-0 grow flex-col">
        <label htmlFor={name} className="text-sm font-semibold">
          {label}
        </label>
        <input
          id={name}
          name={name}
          type="search"
          defaultValue={query}
          maxLength={100}
          className="min-h-11 rounded-md border border-slate-400 bg-white px-3 py-2 text-base"
        />
      </div>
      <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 font-semibold text-white">
        {button}
      </button>
    </form>
  );
}
