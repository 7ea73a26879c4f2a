import type { IDataObject } from 'n8n-workflow';

export interface Page {
	items: IDataObject[];
	/** The API's total, where it reports one. */
	total?: number;
}

export interface PagingOptions {
	returnAll: boolean;
	limit: number;
	/** The API's largest page. */
	pageSize: number;
	/** A client-side filter (WeChat has none for some lists): pages go on until enough items pass it. */
	keep?: (item: IDataObject) => boolean;
}

/** Offset paging (start/limit or offset/limit with a total), done for the user. */
export async function collectPages(
	fetchPage: (offset: number, size: number) => Promise<Page>,
	options: PagingOptions,
): Promise<IDataObject[]> {
	const kept: IDataObject[] = [];
	const wanted = options.returnAll ? Infinity : Math.max(0, options.limit);
	let offset = 0;
	while (kept.length < wanted) {
		// Without a filter, ask only for what is still missing; with one, whole pages.
		const size = options.keep ? options.pageSize : Math.min(options.pageSize, wanted - kept.length);
		const { items, total } = await fetchPage(offset, size);
		for (const item of items) if (!options.keep || options.keep(item)) kept.push(item);
		offset += items.length;
		if (items.length === 0 || items.length < size || (total !== undefined && offset >= total)) break;
	}
	return kept.slice(0, wanted);
}
