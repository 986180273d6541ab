/**
 * The starting text of a circle's solidarity agreement, for its first version.
 * Members change it to fit them; these are only words to begin from, already
 * in the normalized form a record carries (one blank line between paragraphs).
 */

export const AGREEMENT_TEMPLATE_EN = `Our solidarity agreement

We are neighbours who look after each other. By signing this page, each of us promises the others:

1. We answer alerts. When a neighbour faces an eviction, a police visit or a court date, we answer the call or pass it on, and we come if we can. If we cannot, we say so, so that someone else goes.

2. We keep each other's information private. Names, phone numbers, addresses and stories shared in this circle stay in this circle. We do not post them, forward them or tell them to landlords, employers or officials.

3. No one faces eviction or court alone. We go with each other to hearings, to meetings with landlords and to offices. We find a bed, a meal or an interpreter when someone needs one.

4. We decide together. Decisions for the whole circle are made at the assembly, where every member may speak. Between assemblies we act on what the assembly agreed.

5. We treat each other with respect, whatever our language, origin, age or papers.

6. Anyone may leave. A member who wants to leave tells the assembly or any member. What they shared stays private after they go, and we stay neighbours.

When this page changes, we read it again and sign the new version.`;

export const AGREEMENT_TEMPLATE_ES = `Nuestro acuerdo de solidaridad

Somos vecinas y vecinos que nos cuidamos. Al firmar esta página, cada una y cada uno promete a los demás:

1. Respondemos a las alertas. Cuando alguien del barrio se enfrenta a un desahucio, a una visita de la policía o a un juicio, atendemos la llamada o la pasamos, y acudimos si podemos. Si no podemos, lo decimos, para que vaya otra persona.

2. Guardamos la información de los demás. Los nombres, teléfonos, direcciones e historias que compartimos en este círculo se quedan en este círculo. No los publicamos, no los reenviamos y no se los contamos a caseros, empleadores ni autoridades.

3. Nadie se enfrenta solo a un desahucio o a un juicio. Nos acompañamos a las vistas, a las reuniones con los caseros y a las oficinas. Buscamos una cama, una comida o una intérprete cuando alguien lo necesita.

4. Decidimos juntos. Las decisiones de todo el círculo se toman en la asamblea, donde cualquier miembro puede hablar. Entre asambleas, actuamos según lo que acordó la asamblea.

5. Nos tratamos con respeto, sea cual sea nuestra lengua, origen, edad o papeles.

6. Cualquiera puede irse. Quien quiera dejar el círculo se lo dice a la asamblea o a cualquier miembro. Lo que compartió sigue siendo privado después de irse, y seguimos siendo vecinos.

Cuando esta página cambie, la volvemos a leer y firmamos la nueva versión.`;

/** The starting text in the member's language. */
export function agreementTemplate(language: 'en' | 'es'): string {
  return language === 'es' ? AGREEMENT_TEMPLATE_ES : AGREEMENT_TEMPLATE_EN;
}
