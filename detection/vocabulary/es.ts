import type { Vocabulary } from './types';

/** Spanish (accents are removed before matching, so write them or not). */
export const es: Vocabulary = {
  language: 'es',
  roles: {
    cpt: {
      'codigo de procedimiento': 1, 'codigo del procedimiento': 1, 'codigo de procedimientos': 1, 'codigo cpt': 1,
      'codigo hcpcs': 1, 'cod proc': 1, procedimiento: 0.8, procedimientos: 0.8, codigo: 0.45,
    },
    modifier: { modificador: 1, modificadores: 1, modif: 0.9 },
    units: { unidades: 1, unidad: 0.9, 'dias o unidades': 1, 'unidades de servicio': 1, cantidad: 0.8, dias: 0.4 },
    dos: {
      'fecha de servicio': 1, 'fechas de servicio': 1, 'fecha del servicio': 1, 'fecha de atencion': 0.9,
      fecha: 0.5, desde: 0.35, hasta: 0.35, 'fecha de la consulta': 0.9, 'fecha de consulta': 0.9, 'fecha de visita': 0.9,
      'fecha de la visita': 0.9, 'fecha de atencion desde': 1,
    },
    pos: { 'lugar de servicio': 1, 'lugar del servicio': 1, 'sitio de servicio': 1, 'lugar de atencion': 0.8 },
    dx: { diagnostico: 1, diagnosticos: 1, 'codigo de diagnostico': 1, 'codigos de diagnostico': 1, cie: 0.9, 'cie 10': 1 },
    pointer: {
      'puntero de diagnostico': 1, 'apuntador de diagnostico': 1, 'indicador de diagnostico': 1,
      'referencia de diagnostico': 1, 'puntero dx': 1, puntero: 0.9, apuntador: 0.9,
    },
    revenue: { 'codigo de ingresos': 1, 'codigo de ingreso': 1, ingresos: 0.8 },
    charge: {
      cargos: 1, cargo: 1, 'cargos totales': 1, 'total de cargos': 1, 'cargo total': 1, 'monto facturado': 1,
      importe: 0.9, monto: 0.6, precio: 0.5,
    },
  },
  negative: {
    'codigo postal': 1, 'codigo promocional': 1, promocion: 1, promocional: 1, cupon: 1, descuento: 1,
    ajuste: 1, ajustes: 1, motivo: 1, 'codigo de motivo': 1, razon: 0.8,
    'numero de reclamacion': 1, 'numero de reclamo': 1, 'numero de referencia': 1,
    referencia: 0.8, 'numero de control': 1, pagador: 1, aseguradora: 1, 'identificacion fiscal': 1,
    'numero de identificacion fiscal': 1, miembro: 1, afiliado: 1, asegurado: 1, suscriptor: 1, poliza: 1,
    buscar: 1, busqueda: 1, 'fecha de nacimiento': 1, nacimiento: 1, nombre: 1, apellido: 1, direccion: 1,
    ciudad: 1, estado: 0.7, telefono: 1, correo: 1, contrasena: 1, usuario: 1, cuenta: 0.8, autorizacion: 1,
    pagado: 1, saldo: 1, descripcion: 1, notas: 1, comentarios: 1, proveedor: 0.7,
    // Fechas que no son de servicio; códigos que no son de procedimiento.
    'enfermedad actual': 1, 'inicio de la enfermedad': 1, 'enfermedad similar': 1, accidente: 1, hospitalizacion: 1,
    incapacidad: 1, 'ultima visita': 1, radiografia: 1, 'tratamiento inicial': 1,
    beneficio: 1, 'codigo de beneficio': 1, 'tipo de servicio': 1, nota: 1, 'codigo de nota': 1, 'unidad de medida': 1,
    reclamacion: 0.8, 'codigo de reclamacion': 1, 'fecha de reclamacion': 1, 'fecha del reclamo': 1, minutos: 1,
  },
  slotFrom: ['desde', 'inicio', 'inicial'],
  slotTo: ['hasta', 'fin', 'final'],
  optionHints: {
    pos: ['oficina', 'consultorio', 'hospital', 'hospitalizado', 'ambulatorio', 'domicilio', 'clinica', 'urgencias',
      'telesalud', 'lugar de servicio'],
    modifier: ['componente', 'profesional', 'tecnico', 'distinto', 'bilateral', 'modificador'],
  },
};
